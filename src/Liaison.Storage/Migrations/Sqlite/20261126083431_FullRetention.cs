using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FullRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "call_records",
                table: "retention_purge_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDate",
                table: "evidence_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDate",
                table: "call_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_records_review_date",
                table: "records",
                column: "ReviewDate");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_items_review_date",
                table: "evidence_items",
                column: "ReviewDate");

            migrationBuilder.CreateIndex(
                name: "ix_call_records_review_date",
                table: "call_records",
                column: "ReviewDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_records_review_date",
                table: "records");

            migrationBuilder.DropIndex(
                name: "ix_evidence_items_review_date",
                table: "evidence_items");

            migrationBuilder.DropIndex(
                name: "ix_call_records_review_date",
                table: "call_records");

            migrationBuilder.DropColumn(
                name: "call_records",
                table: "retention_purge_runs");

            migrationBuilder.DropColumn(
                name: "ReviewDate",
                table: "evidence_items");

            migrationBuilder.DropColumn(
                name: "ReviewDate",
                table: "call_records");
        }
    }
}
