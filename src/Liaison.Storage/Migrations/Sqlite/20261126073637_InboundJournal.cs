using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboundJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_inbound_journal",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sender = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    case_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    queued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_inbound_journal", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_inbound_journal_message",
                table: "exchange_inbound_journal",
                columns: new[] { "sender", "message_id", "action" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_inbound_journal");
        }
    }
}
