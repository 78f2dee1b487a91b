using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false),
                    KeyProtected = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ErasureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    ErasedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ErasedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ErasedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
