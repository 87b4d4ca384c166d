package io.gmalloc.internal;

import java.util.ArrayList;
import java.util.List;

/** A heap of the test's own (as a region would have), owned by the creating thread, with its own bucket. */
final class PrivateHeap {
    final Heap heap = new Heap(Thread.currentThread(), null, Heap.NO_HOST);
    final Bucket bucket;
    final List<Long> live = new ArrayList<>();

    PrivateHeap(String name, long stride) {
        bucket = Bucket.registerSpecial(name, stride, 8);
    }

    long alloc() {
        long address = heap.alloc(bucket.index, bucket.stride);
        live.add(address);
        return address;
    }

    void free(long address) {
        FreeRouter.free(address);
        live.remove(address);
    }

    Slab slabOf(long address) {
        return SlabRegistry.lookup(address);
    }

    Arenarray arenarray() {
        return heap.arenarrays()[bucket.index];
    }

    /** Frees what is left and gives the slabs back. */
    void close() {
        for (long address : List.copyOf(live)) {
            free(address);
        }
        heap.trim();
    }

    void assertConsistent() {
        Invariants.check(heap);
    }
}
