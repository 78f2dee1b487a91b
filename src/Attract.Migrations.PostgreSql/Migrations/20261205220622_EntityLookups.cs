using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EntityLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Entity",
                table: "OutboxMessages",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInNotification_CandidateId",
                table: "LinkedInNotification",
                column: "CandidateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Entity",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_LinkedInNotification_CandidateId",
                table: "LinkedInNotification");
        }
    }
}
