using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubscriberPendingRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PendingAt",
                table: "Subscribers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingPage",
                table: "Subscribers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingTopics",
                table: "Subscribers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingWording",
                table: "Subscribers",
                type: "TEXT",
                nullable: true);

            // Requests not yet confirmed were kept in the consent columns and the topics table
            // until now: copy them, so they are still forgotten after 30 days and a confirmation
            // keeps the topics asked for.
            migrationBuilder.Sql("""
                UPDATE Subscribers SET PendingAt = ConsentAt, PendingPage = ConsentPage, PendingWording = ConsentWording,
                    PendingTopics = CASE WHEN AllTopics THEN '' ELSE COALESCE((SELECT group_concat(TopicId, ',') FROM SubscriberTopics st WHERE st.SubscriberId = Subscribers.Id), '') END
                WHERE Status = 'Pending';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingAt",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "PendingPage",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "PendingTopics",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "PendingWording",
                table: "Subscribers");
        }
    }
}
