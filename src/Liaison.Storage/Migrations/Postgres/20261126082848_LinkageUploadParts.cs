using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Postgres
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
                    run = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    participant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    part = table.Column<int>(type: "integer", nullable: false),
                    parts = table.Column<int>(type: "integer", nullable: false),
                    total_clks = table.Column<int>(type: "integer", nullable: false),
                    set_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    clk_count = table.Column<int>(type: "integer", nullable: false),
                    part_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    clks = table.Column<byte[]>(type: "bytea", nullable: true)
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
