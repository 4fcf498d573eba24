using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserLockoutWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedLogins",
                table: "users");

            migrationBuilder.AddColumn<string>(
                name: "RecentFailures",
                table: "users",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecentFailures",
                table: "users");

            migrationBuilder.AddColumn<int>(
                name: "FailedLogins",
                table: "users",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
