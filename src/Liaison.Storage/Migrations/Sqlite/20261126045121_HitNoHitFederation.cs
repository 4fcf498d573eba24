using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HitNoHitFederation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hit_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    case_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    peer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    kinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    asked = table.Column<int>(type: "INTEGER", nullable: false),
                    match_count = table.Column<int>(type: "INTEGER", nullable: true),
                    peer_set_size = table.Column<int>(type: "INTEGER", nullable: false),
                    handling = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    tlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    run_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hit_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "psi_budget_charges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    peer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifiers = table.Column<int>(type: "INTEGER", nullable: false),
                    charged_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_psi_budget_charges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hit_notices_case_id_run_at",
                table: "hit_notices",
                columns: new[] { "case_id", "run_at" });

            migrationBuilder.CreateIndex(
                name: "IX_hit_notices_session_id",
                table: "hit_notices",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "IX_psi_budget_charges_charged_at",
                table: "psi_budget_charges",
                column: "charged_at");

            migrationBuilder.CreateIndex(
                name: "IX_psi_budget_charges_peer_id_charged_at",
                table: "psi_budget_charges",
                columns: new[] { "peer_id", "charged_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hit_notices");

            migrationBuilder.DropTable(
                name: "psi_budget_charges");
        }
    }
}
