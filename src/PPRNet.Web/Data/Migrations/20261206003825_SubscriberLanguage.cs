using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <summary>Readers choose the language of their mail: every subscriber from before had
    /// subscribed in English, so existing rows start as "en". An editor's test mail records the
    /// language it was asked for in (null for mail to a subscriber, who has a language).</summary>
    public partial class SubscriberLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Subscribers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Outbox",
                type: "TEXT",
                maxLength: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Outbox");
        }
    }
}
