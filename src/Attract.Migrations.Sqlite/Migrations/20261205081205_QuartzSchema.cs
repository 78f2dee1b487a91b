using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The Quartz.NET job store's tables (ADR 0004). On the server databases Attract runs the clustered job store, whose
    /// schema is created here rather than by Quartz at start-up; the statements are Quartz 4.7.3's own, embedded from
    /// <c>QuartzStore/</c>. SQLite uses the in-memory store: this migration does nothing there and exists so that every
    /// provider has the same migrations.
    /// </summary>
    public partial class QuartzSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite runs Quartz with the in-memory store: no tables.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing was created.
        }
    }
}
