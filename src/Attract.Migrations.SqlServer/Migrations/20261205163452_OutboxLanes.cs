using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.SqlServer.Migrations
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Rows the backfill queued before the column existed (LinkedInBackfill.Actor). EXEC: in the idempotent script the
            // statement shares a batch with the ALTER TABLE, and SQL Server resolves column names when it compiles the batch.
            migrationBuilder.Sql("EXEC(N'UPDATE [OutboxMessages] SET [Backfill] = CAST(1 AS bit) WHERE [ActorUserId] = N''system:linkedin-backfill'';');");

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
