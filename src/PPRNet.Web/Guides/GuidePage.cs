using PPRNet.Web.Shared;

namespace PPRNet.Web.Guides;

public sealed class GuidePage : PageViewModel;
