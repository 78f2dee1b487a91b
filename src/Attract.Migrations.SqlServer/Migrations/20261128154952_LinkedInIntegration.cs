using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attract.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LinkedInIntegration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LinkedInConnection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OrganizationUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContractUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContractName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ChildApplicationUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ChildClientId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ChildClientSecretProtected = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConnectedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AdminPersonUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ConnectedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IntegrationsNamedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompanyLevelEnabled = table.Column<bool>(type: "bit", nullable: false),
                    ContractLevelEnabled = table.Column<bool>(type: "bit", nullable: false),
                    CompanyLevelChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ContractLevelChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    BackfillQueuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    BackfillTotal = table.Column<int>(type: "int", nullable: false),
                    LastSyncAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastPullAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastPurgePollAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastOutcome = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInConnection", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInInMail",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ConversationUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SeatUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProspectUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SenderUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInInMail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInNotification",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NotificationId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    PersonUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    JobCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SeatUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CandidateId = table.Column<int>(type: "int", nullable: true),
                    ApplicationId = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInNotification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInProspectNote",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExternalId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProspectUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OwnerSeatUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Visibility = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInProspectNote", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInPullCursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SeatUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CursorUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastRunAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInPullCursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInPurgedExport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PurgedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CandidateId = table.Column<int>(type: "int", nullable: true),
                    HandledAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInPurgedExport", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInSyncError",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntityType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: true),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInSyncError", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkedInUserLink",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PersonUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LinkedInName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SeatUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContractUrn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SeatMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AccessTokenProtected = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RefreshTokenProtected = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConnectedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SeatCheckedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedInUserLink", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInConnection_TenantId",
                table: "LinkedInConnection",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInInMail_ProspectUrn_CreatedAtUtc",
                table: "LinkedInInMail",
                columns: new[] { "ProspectUrn", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInInMail_SeatUrn_ExternalId",
                table: "LinkedInInMail",
                columns: new[] { "SeatUrn", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInNotification_NotificationId",
                table: "LinkedInNotification",
                column: "NotificationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInNotification_Status_ReceivedAtUtc",
                table: "LinkedInNotification",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInProspectNote_ExternalId",
                table: "LinkedInProspectNote",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInProspectNote_ProspectUrn_LastModifiedAtUtc",
                table: "LinkedInProspectNote",
                columns: new[] { "ProspectUrn", "LastModifiedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInPullCursor_SeatUrn_Kind",
                table: "LinkedInPullCursor",
                columns: new[] { "SeatUrn", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInPurgedExport_PersonUrn",
                table: "LinkedInPurgedExport",
                column: "PersonUrn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInSyncError_EntityType_EntityId",
                table: "LinkedInSyncError",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInSyncError_ResolvedAtUtc",
                table: "LinkedInSyncError",
                column: "ResolvedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInUserLink_PersonUrn",
                table: "LinkedInUserLink",
                column: "PersonUrn");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInUserLink_SeatUrn",
                table: "LinkedInUserLink",
                column: "SeatUrn");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedInUserLink_UserId",
                table: "LinkedInUserLink",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LinkedInConnection");

            migrationBuilder.DropTable(
                name: "LinkedInInMail");

            migrationBuilder.DropTable(
                name: "LinkedInNotification");

            migrationBuilder.DropTable(
                name: "LinkedInProspectNote");

            migrationBuilder.DropTable(
                name: "LinkedInPullCursor");

            migrationBuilder.DropTable(
                name: "LinkedInPurgedExport");

            migrationBuilder.DropTable(
                name: "LinkedInSyncError");

            migrationBuilder.DropTable(
                name: "LinkedInUserLink");
        }
    }
}
