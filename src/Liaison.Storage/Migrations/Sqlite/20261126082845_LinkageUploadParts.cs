using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkageUploadParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "linkage_upload_parts",
                columns: table => new
                {
                    run = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    participant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    part = table.Column<int>(type: "INTEGER", nullable: false),
                    parts = table.Column<int>(type: "INTEGER", nullable: false),
                    total_clks = table.Column<int>(type: "INTEGER", nullable: false),
                    set_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    clk_count = table.Column<int>(type: "INTEGER", nullable: false),
                    part_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    clks = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_linkage_upload_parts", x => new { x.run, x.participant, x.part });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "linkage_upload_parts");
        }
    }
}
