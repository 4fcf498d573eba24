using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseMessaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_messages",
                columns: table => new
                {
                    message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    thread_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    author = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    records_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_messages", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "case_own_versions",
                columns: table => new
                {
                    record_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_own_versions", x => x.record_id);
                });

            migrationBuilder.CreateTable(
                name: "case_received_copies",
                columns: table => new
                {
                    origin_node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    record_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    local_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    shared_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    thread_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    shared_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_received_copies", x => new { x.origin_node, x.record_id });
                });

            migrationBuilder.CreateTable(
                name: "case_shares",
                columns: table => new
                {
                    origin_node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    record_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recipient = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    thread_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_shares", x => new { x.origin_node, x.record_id, x.recipient, x.thread_id });
                });

            migrationBuilder.CreateTable(
                name: "case_threads",
                columns: table => new
                {
                    thread_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    case_reference = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_threads", x => x.thread_id);
                });

            migrationBuilder.CreateTable(
                name: "case_withdrawals",
                columns: table => new
                {
                    origin_node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    record_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_withdrawals", x => new { x.origin_node, x.record_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_messages_thread",
                table: "case_messages",
                columns: new[] { "thread_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_received_copies_local_id",
                table: "case_received_copies",
                column: "local_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_threads_case_reference",
                table: "case_threads",
                column: "case_reference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_messages");

            migrationBuilder.DropTable(
                name: "case_own_versions");

            migrationBuilder.DropTable(
                name: "case_received_copies");

            migrationBuilder.DropTable(
                name: "case_shares");

            migrationBuilder.DropTable(
                name: "case_threads");

            migrationBuilder.DropTable(
                name: "case_withdrawals");
        }
    }
}
