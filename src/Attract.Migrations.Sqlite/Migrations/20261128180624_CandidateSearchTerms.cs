using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CandidateSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CandidateSearchTerms",
                columns: table => new
                {
                    CandidateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateSearchTerms", x => new { x.Term, x.CandidateId });
                    table.ForeignKey(
                        name: "FK_CandidateSearchTerms_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateSearchTerms_CandidateId",
                table: "CandidateSearchTerms",
                column: "CandidateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateSearchTerms");
        }
    }
}
