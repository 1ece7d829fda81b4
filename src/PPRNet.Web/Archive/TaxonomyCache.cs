namespace PPRNet.Web.Archive;

/// <summary>The taxonomy as last read: a few dozen rows every page needs and editors rarely
/// change. Dropped by <see cref="Shared.PublicPageCacheEviction"/> when a term is saved.</summary>
public sealed class TaxonomyCache
{
    private Taxonomy? current;

    public Taxonomy? Current => Volatile.Read(ref current);

    public void Set(Taxonomy taxonomy) => Volatile.Write(ref current, taxonomy);

    public void Clear() => Volatile.Write(ref current, null);
}
