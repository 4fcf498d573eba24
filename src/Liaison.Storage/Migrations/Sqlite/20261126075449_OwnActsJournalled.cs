using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnActsJournalled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "actor",
                table: "exchange_inbound_journal",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "actor",
                table: "exchange_inbound_journal");
        }
    }
}
