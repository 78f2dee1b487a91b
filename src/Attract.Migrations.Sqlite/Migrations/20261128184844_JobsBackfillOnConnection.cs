using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JobsBackfillOnConnection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JobsBackfillError",
                table: "LinkedInConnection",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "JobsBackfilledAtUtc",
                table: "LinkedInConnection",
                type: "TEXT",
                nullable: true);

            // The job-postings backfill marker used to be a LinkedInPullCursor row (Kind "job-backfill", SeatUrn = organization).
            migrationBuilder.Sql(
                "UPDATE LinkedInConnection SET JobsBackfilledAtUtc = (SELECT MAX(c.CursorUtc) FROM LinkedInPullCursor c " +
                "WHERE c.Kind = 'job-backfill' AND c.LastError IS NULL AND c.SeatUrn = LinkedInConnection.OrganizationUrn) " +
                "WHERE OrganizationUrn IS NOT NULL;");
            migrationBuilder.Sql("DELETE FROM LinkedInPullCursor WHERE Kind = 'job-backfill';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "INSERT INTO LinkedInPullCursor (SeatUrn, Kind, CursorUtc) SELECT OrganizationUrn, 'job-backfill', JobsBackfilledAtUtc " +
                "FROM LinkedInConnection WHERE OrganizationUrn IS NOT NULL AND JobsBackfilledAtUtc IS NOT NULL AND JobsBackfillError IS NULL;");

            migrationBuilder.DropColumn(
                name: "JobsBackfillError",
                table: "LinkedInConnection");

            migrationBuilder.DropColumn(
                name: "JobsBackfilledAtUtc",
                table: "LinkedInConnection");
        }
    }
}
