using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Backfill",
                table: "OutboxMessages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Rows the backfill queued before the column existed (LinkedInBackfill.Actor).
            migrationBuilder.Sql("UPDATE \"OutboxMessages\" SET \"Backfill\" = TRUE WHERE \"ActorUserId\" = 'system:linkedin-backfill';");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Lanes",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAtUtc", "Backfill", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Lanes",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Backfill",
                table: "OutboxMessages");
        }
    }
}
