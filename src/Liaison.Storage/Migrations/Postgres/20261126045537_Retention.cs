using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Liaison.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retention_extensions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    case_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    previous_review_date = table.Column<DateOnly>(type: "date", nullable: true),
                    review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    extended_by = table.Column<string>(type: "text", nullable: false),
                    extended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_extensions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_purge_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    purged_before = table.Column<DateOnly>(type: "date", nullable: false),
                    started_by = table.Column<string>(type: "text", nullable: false),
                    records = table.Column<long>(type: "bigint", nullable: false),
                    identifiers = table.Column<long>(type: "bigint", nullable: false),
                    ledger_index = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_purge_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_purged",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    case_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    origin_node = table.Column<string>(type: "text", nullable: false),
                    review_date = table.Column<DateOnly>(type: "date", nullable: true),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_purged", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_withdrawals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient = table.Column<string>(type: "text", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_withdrawals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_retention_extensions_record_id",
                table: "retention_extensions",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "IX_retention_purged_record_id",
                table: "retention_purged",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "IX_retention_purged_run_id",
                table: "retention_purged",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "IX_retention_withdrawals_record_id",
                table: "retention_withdrawals",
                column: "record_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_extensions");

            migrationBuilder.DropTable(
                name: "retention_purge_runs");

            migrationBuilder.DropTable(
                name: "retention_purged");

            migrationBuilder.DropTable(
                name: "retention_withdrawals");
        }
    }
}
