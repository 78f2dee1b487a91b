using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LinkedInJobPostingTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LinkedInJobPostingTask",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TaskId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    JobId = table.Column<int>(type: "int", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CheckAfterUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInJobPostingTask", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInJobPostingTask_CompletedAtUtc_CheckAfterUtc",
                table: "LinkedInJobPostingTask",
                columns: new[] { "CompletedAtUtc", "CheckAfterUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInJobPostingTask_JobId",
                table: "LinkedInJobPostingTask",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInJobPostingTask_TaskId",
                table: "LinkedInJobPostingTask",
                column: "TaskId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LinkedInJobPostingTask");
        }
    }
}
