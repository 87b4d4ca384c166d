package io.gmalloc;

/** API skeleton; implementation lands with the runtime. */
public final class SpecialBucket {
    public SpecialBucket(String name, long stride, long alignment) { throw new UnsupportedOperationException("not implemented yet"); }
    public String name() { throw new UnsupportedOperationException("not implemented yet"); }
    public long stride() { throw new UnsupportedOperationException("not implemented yet"); }
    public long alignment() { throw new UnsupportedOperationException("not implemented yet"); }
    public long alloc() { throw new UnsupportedOperationException("not implemented yet"); }
    public void free(long address) { throw new UnsupportedOperationException("not implemented yet"); }
    public BucketStats stats() { throw new UnsupportedOperationException("not implemented yet"); }
}
