using System.Security.Cryptography;
using System.Text;

namespace PPRNet.Web.Import;

/// <summary>The hash a content file is remembered by, for summaries and intros alike.</summary>
public static class ContentHash
{
    // The hash says only whether the file's text changed; a change to the Markdown pipeline is
    // handled by re-rendering at start-up (RenderUpgrade), which needs no file and makes no conflict.
    public static string Of(byte[] bytes) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("render-v1\n").Concat(bytes).ToArray()));
}
