using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Attract.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ErasureSuppression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ErasureSuppressionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    KeyProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureSuppressionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ErasureSuppressions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ErasureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    ErasedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ErasedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ErasedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureSuppressions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ErasureSuppressions_ErasureId_Kind",
                table: "ErasureSuppressions",
                columns: new[] { "ErasureId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ErasureSuppressions_Hash",
                table: "ErasureSuppressions",
                column: "Hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ErasureSuppressionKeys");

            migrationBuilder.DropTable(
                name: "ErasureSuppressions");
        }
    }
}
