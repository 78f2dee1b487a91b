using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProspectsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id_CandidateId",
                table: "Applications",
                columns: new[] { "JobId", "StageId", "Status", "EnteredStageAtUtc", "Id", "CandidateId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id_CandidateId",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id",
                table: "Applications",
                columns: new[] { "JobId", "StageId", "Status", "EnteredStageAtUtc", "Id" });
        }
    }
}
