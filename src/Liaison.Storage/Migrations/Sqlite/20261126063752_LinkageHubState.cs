using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkageHubState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "federation_replay",
                columns: table => new
                {
                    sender = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    forget_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_replay", x => new { x.sender, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "linkage_results",
                columns: table => new
                {
                    run = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    party_a = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    party_b = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    link_count = table.Column<int>(type: "INTEGER", nullable: false),
                    comparisons = table.Column<long>(type: "INTEGER", nullable: false),
                    candidate_pairs = table.Column<long>(type: "INTEGER", nullable: false),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    links = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_linkage_results", x => new { x.run, x.party_a, x.party_b });
                });

            migrationBuilder.CreateTable(
                name: "linkage_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    participants = table.Column<string>(type: "TEXT", maxLength: 700, nullable: false),
                    schema_fingerprint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    filter_bits = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_linkage_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "linkage_uploads",
                columns: table => new
                {
                    run = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    participant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    clk_count = table.Column<int>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    clks = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_linkage_uploads", x => new { x.run, x.participant });
                });

            migrationBuilder.CreateIndex(
                name: "IX_federation_replay_forget_at",
                table: "federation_replay",
                column: "forget_at");

            migrationBuilder.CreateIndex(
                name: "IX_linkage_runs_expires_at",
                table: "linkage_runs",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_linkage_runs_run",
                table: "linkage_runs",
                column: "run",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "federation_replay");

            migrationBuilder.DropTable(
                name: "linkage_results");

            migrationBuilder.DropTable(
                name: "linkage_runs");

            migrationBuilder.DropTable(
                name: "linkage_uploads");
        }
    }
}
