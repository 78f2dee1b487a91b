using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationEnteredStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_JobId_StageId_Status",
                table: "Applications");

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredStageAtUtc",
                table: "Applications",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Backfill: the last time each application was added to or moved into a stage (its stage history), else its creation.
            migrationBuilder.Sql("EXEC(N'UPDATE [Applications] SET [EnteredStageAtUtc] = COALESCE((SELECT MAX(m.[AtUtc]) FROM [StageMoves] AS m WHERE m.[ApplicationId] = [Applications].[Id] AND m.[Kind] IN (N''Added'', N''Moved'')), [CreatedAtUtc])');");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id",
                table: "Applications",
                columns: new[] { "JobId", "StageId", "Status", "EnteredStageAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_JobId_StageId_Status_EnteredStageAtUtc_Id",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EnteredStageAtUtc",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_JobId_StageId_Status",
                table: "Applications",
                columns: new[] { "JobId", "StageId", "Status" });
        }
    }
}
