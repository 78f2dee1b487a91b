using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BackfillCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BackfillCursor",
                table: "LinkedInConnection",
                type: "TEXT",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BackfillCursor",
                table: "LinkedInConnection");
        }
    }
}
