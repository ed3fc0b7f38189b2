//! The wasm's memory allocator, in place of std's dlmalloc: about 1 KB of wasm instead of 8
//! (3.5 KB of the gzipped download), for a program that runs on one thread and allocates
//! little besides the dataset, each chart's scene and, on the full build, a host series.
//!
//! - Small blocks (up to 64 KB) come in power-of-two sizes from 16 bytes, each size with its
//!   own free list: allocating and freeing are a pop and a push. A block is aligned to its own
//!   size, so any alignment up to the size holds.
//! - Large blocks are whole 64 KB pages. Freed ones are kept in an address-ordered list whose
//!   neighbours merge, and a block at the top of the heap goes back to it: a million-point
//!   series that replaces another lands in the memory the old one left.
//! - New space is cut from the top of the heap (`bump`), growing wasm memory as needed. The
//!   bytes skipped to align a block go to the free lists as smaller aligned blocks.
//!
//! `Heap` is generic over where pages come from, so the tests run it natively over a buffer.

use core::alloc::Layout;
use core::ptr::null_mut;

/// wasm's page size: the unit of memory growth and of large blocks.
pub const PAGE: usize = 65536;
/// The smallest block: room for a free-list link on any target.
const MIN: usize = 16;
/// Small block sizes: 16 B, 32 B, … 64 KB.
const CLASSES: usize = 13;
const LARGEST_SMALL: usize = MIN << (CLASSES - 1);

/// Where pages come from.
pub trait Pages {
    /// Adds `n` pages; returns the previous size in pages, or None when out of memory.
    fn grow(&mut self, n: usize) -> Option<usize>;
    /// The address of page 0.
    fn base(&self) -> usize;
}

pub struct Heap<P> {
    pages: P,
    /// The unused top of the heap: bump..end.
    bump: usize,
    end: usize,
    /// Per small size, the first free block (0: none); each free block holds the next.
    free: [usize; CLASSES],
    /// The first free large block (0: none); each holds its size and the next, by address.
    large: usize,
}

/// The block size a layout takes: a small size class, or whole pages; None if impossible.
fn block_size(layout: Layout) -> Option<usize> {
    let n = layout.size().max(layout.align()).max(MIN);
    if n <= LARGEST_SMALL {
        Some(n.next_power_of_two())
    } else if layout.align() <= PAGE {
        n.checked_add(PAGE - 1).map(|n| n & !(PAGE - 1))
    } else {
        None
    }
}

fn class(size: usize) -> usize {
    (size.trailing_zeros() - MIN.trailing_zeros()) as usize
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Heap<P> {
        Heap { pages, bump: 0, end: 0, free: [0; CLASSES], large: 0 }
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(size) = block_size(layout) else { return null_mut() };
        if size <= LARGEST_SMALL {
            let head = &mut self.free[class(size)];
            if *head != 0 {
                let block = *head;
                *head = *(block as *const usize);
                return block as *mut u8;
            }
            return self.carve(size, size);
        }
        // First fit among the free large blocks; the rest of a bigger one stays free.
        let mut link: *mut usize = &mut self.large;
        while *link != 0 {
            let block = *link;
            let (have, next) = (*(block as *const usize), *(block as *const usize).add(1));
            if have >= size {
                *link = if have == size {
                    next
                } else {
                    let rest = block + size;
                    write_large(rest, have - size, next);
                    rest
                };
                return block as *mut u8;
            }
            link = (block as *mut usize).add(1);
        }
        self.carve(size, PAGE)
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        let Some(size) = block_size(layout) else { return };
        let block = ptr as usize;
        if size <= LARGEST_SMALL {
            let head = &mut self.free[class(size)];
            *(block as *mut usize) = *head;
            *head = block;
        } else {
            self.free_large(block, size);
        }
    }

    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let (Some(old), Some(new)) = (block_size(layout), block_size(new_layout)) else { return null_mut() };
        let block = ptr as usize;
        if new == old {
            return ptr;
        }
        if old > LARGEST_SMALL && new > LARGEST_SMALL {
            if new < old {
                self.free_large(block + new, old - new);
                return ptr;
            }
            // At the top of the heap a large block grows in place: a Vec that doubles past
            // megabytes is not copied each time.
            if block + old == self.bump {
                self.bump = block;
                let grown = self.carve(new, PAGE);
                if grown == ptr || grown.is_null() {
                    if grown.is_null() {
                        self.bump = block + old;
                    }
                    return grown;
                }
                // Memory grew elsewhere (not contiguous): the old bytes are still in place.
                core::ptr::copy_nonoverlapping(ptr, grown, layout.size());
                return grown;
            }
        }
        let to = self.alloc(new_layout);
        if !to.is_null() {
            core::ptr::copy_nonoverlapping(ptr, to, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        to
    }

    /// `size` bytes at `align` from the top of the heap, growing memory as needed.
    unsafe fn carve(&mut self, size: usize, align: usize) -> *mut u8 {
        let start = loop {
            let start = (self.bump + align - 1) & !(align - 1);
            match start.checked_add(size) {
                Some(top) if top <= self.end => break start,
                Some(top) => {
                    let n = (top - self.end).div_ceil(PAGE);
                    let Some(old) = self.pages.grow(n) else { return null_mut() };
                    let region = self.pages.base() + old * PAGE;
                    if region != self.end {
                        // Not contiguous (the first growth): start over in the new pages.
                        self.bump = region;
                    }
                    self.end = region + n * PAGE;
                }
                None => return null_mut(),
            }
        };
        // The skipped bytes, as the largest aligned blocks that fit, to the free lists.
        while self.bump < start {
            let piece = (self.bump & self.bump.wrapping_neg()).min(LARGEST_SMALL);
            let head = &mut self.free[class(piece)];
            *(self.bump as *mut usize) = *head;
            *head = self.bump;
            self.bump += piece;
        }
        self.bump = start + size;
        start as *mut u8
    }

    /// Into the address-ordered list, merged with its neighbours; or back to the top of the
    /// heap if it (merged) ends there.
    unsafe fn free_large(&mut self, block: usize, size: usize) {
        // `link` ends at the link to the first free block after `block`; `prev_link` at the
        // one to the block before it.
        let mut prev_link: *mut usize = null_mut();
        let mut link: *mut usize = &mut self.large;
        while *link != 0 && *link < block {
            prev_link = link;
            link = (*link as *mut usize).add(1);
        }
        let (mut start, mut size, mut into) = (block, size, link);
        let next = *link;
        let mut after = next;
        if next != 0 && block + size == next {
            size += *(next as *const usize);
            after = *(next as *const usize).add(1);
        }
        if !prev_link.is_null() {
            let prev = *prev_link;
            if prev + *(prev as *const usize) == block {
                start = prev;
                size += *(prev as *const usize);
                into = prev_link;
            }
        }
        if start + size == self.bump {
            // The last free block (`after` is 0): it becomes the top of the heap again.
            *into = after;
            self.bump = start;
        } else {
            write_large(start, size, after);
            *into = start;
        }
    }
}

unsafe fn write_large(block: usize, size: usize, next: usize) {
    *(block as *mut usize) = size;
    *(block as *mut usize).add(1) = next;
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{Heap, Pages};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    struct WasmMemory;

    impl Pages for WasmMemory {
        fn grow(&mut self, n: usize) -> Option<usize> {
            let old = core::arch::wasm32::memory_grow(0, n);
            (old != usize::MAX).then_some(old)
        }
        fn base(&self) -> usize {
            0
        }
    }

    struct Global(UnsafeCell<Heap<WasmMemory>>);

    // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
    unsafe impl Sync for Global {}

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).alloc(layout)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            (*self.0.get()).dealloc(ptr, layout)
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(ptr, layout, new_size)
        }
    }

    #[global_allocator]
    static ALLOCATOR: Global = Global(UnsafeCell::new(Heap::new(WasmMemory)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from one buffer, like wasm memory: `used` pages in use, at most `cap`.
    struct Buffer {
        base: usize,
        used: usize,
        cap: usize,
    }

    impl Pages for Buffer {
        fn grow(&mut self, n: usize) -> Option<usize> {
            let old = self.used;
            (old + n <= self.cap).then(|| {
                self.used += n;
                old
            })
        }
        fn base(&self) -> usize {
            self.base
        }
    }

    fn heap(cap: usize) -> Heap<Buffer> {
        let layout = Layout::from_size_align(cap * PAGE, PAGE).unwrap();
        // Leaked: the test's blocks point into it until the end.
        let base = unsafe { std::alloc::alloc(layout) } as usize;
        // Page 0 is "in use" (static data, as in wasm), so the heap starts at page 1.
        Heap::new(Buffer { base, used: 1, cap })
    }

    /// A small deterministic generator (xorshift).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    struct Live {
        ptr: *mut u8,
        layout: Layout,
        fill: u8,
    }

    fn check(l: &Live) {
        let bytes = unsafe { std::slice::from_raw_parts(l.ptr, l.layout.size()) };
        assert!(bytes.iter().all(|&b| b == l.fill), "block at {:?} ({:?}) was overwritten", l.ptr, l.layout);
    }

    /// Random allocations, frees and reallocs of every size class and large blocks: each
    /// block is filled with its own byte and checked before it is freed (an overlap would
    /// have overwritten it), and every address honours its alignment.
    #[test]
    fn blocks_never_overlap_and_are_aligned() {
        let mut h = heap(2048);
        let mut rng = Rng(0x9E3779B97F4A7C15);
        let mut live: Vec<Live> = Vec::new();
        for step in 0..20_000u32 {
            let r = rng.next();
            if live.len() > 300 || (r % 3 == 0 && !live.is_empty()) {
                let l = live.swap_remove((r as usize >> 8) % live.len());
                check(&l);
                if r % 2 == 0 {
                    unsafe { h.dealloc(l.ptr, l.layout) };
                } else {
                    // Realloc, then refill the whole new block.
                    let new_size = size(&mut rng);
                    let ptr = unsafe { h.realloc(l.ptr, l.layout, new_size) };
                    assert!(!ptr.is_null());
                    let kept = unsafe { std::slice::from_raw_parts(ptr, l.layout.size().min(new_size)) };
                    assert!(kept.iter().all(|&b| b == l.fill), "realloc lost bytes");
                    let layout = Layout::from_size_align(new_size, l.layout.align()).unwrap();
                    unsafe { ptr.write_bytes(step as u8, new_size) };
                    live.push(Live { ptr, layout, fill: step as u8 });
                }
            } else {
                let align = 1 << (rng.next() % 9);
                let layout = Layout::from_size_align(size(&mut rng), align).unwrap();
                let ptr = unsafe { h.alloc(layout) };
                assert!(!ptr.is_null());
                assert_eq!(ptr as usize % align, 0, "{layout:?} at {ptr:?}");
                unsafe { ptr.write_bytes(step as u8, layout.size()) };
                live.push(Live { ptr, layout, fill: step as u8 });
            }
        }
        live.iter().for_each(check);
    }

    /// Mostly small, sometimes up to 3 pages, sometimes a few MB.
    fn size(rng: &mut Rng) -> usize {
        match rng.next() % 100 {
            0 => 1 + (rng.next() % (3 << 20)) as usize,
            1..=5 => 1 + (rng.next() % (3 * PAGE as u64)) as usize,
            _ => 1 + (rng.next() % 300) as usize,
        }
    }

    /// A million-point series replaced by another of the same size reuses the memory the
    /// old one leaves; memory does not grow with each replacement.
    #[test]
    fn a_replaced_large_series_reuses_its_memory() {
        let mut h = heap(1024);
        let series = Layout::from_size_align(8_000_000, 8).unwrap();
        let small = Layout::from_size_align(100, 8).unwrap();
        let (mut x, mut y) = unsafe { (h.alloc(series), h.alloc(series)) };
        for _ in 0..20 {
            unsafe {
                // Small allocations in between, as the scene's.
                let s = h.alloc(small);
                h.dealloc(x, series);
                h.dealloc(y, series);
                x = h.alloc(series);
                y = h.alloc(series);
                assert!(!x.is_null() && !y.is_null());
                h.dealloc(s, small);
            }
        }
        assert!(h.pages.used < 1 + 2 * 123 + 4, "memory grew to {} pages", h.pages.used);
    }

    /// A Vec growing by doubling past a page grows in place at the top of the heap.
    #[test]
    fn a_large_block_at_the_top_grows_in_place() {
        let mut h = heap(1024);
        let mut layout = Layout::from_size_align(2 * PAGE, 8).unwrap();
        let first = unsafe { h.alloc(layout) };
        let mut ptr = first;
        for _ in 0..5 {
            let new_size = layout.size() * 2;
            ptr = unsafe { h.realloc(ptr, layout, new_size) };
            layout = Layout::from_size_align(new_size, 8).unwrap();
        }
        assert_eq!(ptr, first);
        // Freed, it is the top of the heap again: the next block starts at the same place.
        unsafe { h.dealloc(ptr, layout) };
        assert_eq!(unsafe { h.alloc(Layout::from_size_align(3 * PAGE, 8).unwrap()) }, first);
    }

    #[test]
    fn out_of_memory_is_null_and_the_heap_stays_usable() {
        let mut h = heap(8);
        let big = Layout::from_size_align(64 * PAGE, 8).unwrap();
        assert!(unsafe { h.alloc(big) }.is_null());
        let small = Layout::from_size_align(40, 8).unwrap();
        let p = unsafe { h.alloc(small) };
        assert!(!p.is_null());
        let grown = unsafe { h.realloc(p, small, 64 * PAGE) };
        assert!(grown.is_null());
        unsafe { h.dealloc(p, small) };
    }

    /// Freed large blocks merge with both neighbours into one that fits a bigger request.
    #[test]
    fn freed_neighbours_merge() {
        let mut h = heap(64);
        let two = Layout::from_size_align(2 * PAGE, 8).unwrap();
        let [a, b, c, keep] = [0; 4].map(|_| unsafe { h.alloc(two) });
        unsafe {
            h.dealloc(a, two);
            h.dealloc(c, two);
            h.dealloc(b, two);
            let six = h.alloc(Layout::from_size_align(6 * PAGE, 8).unwrap());
            assert_eq!(six, a);
            h.dealloc(keep, two);
        }
    }
}
