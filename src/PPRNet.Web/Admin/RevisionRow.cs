using PPRNet.Web.Archive;
using PPRNet.Web.Data;
using PPRNet.Web.History;
using PPRNet.Web.Shared;

namespace PPRNet.Web.Admin;

public sealed record RevisionRow(int Number, DateTimeOffset CreatedAt, string CreatedBy, string Note);
