// The question's driver: per-page remap_pfn_range of a vmalloc buffer, errors ignored, no CoW guard.
static int seed_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long off;

	if (size > BUF_PAGES * PAGE_SIZE)
		return -EIO;
	for (off = 0; off < size; off += PAGE_SIZE)
		remap_pfn_range(vma, vma->vm_start + off, vmalloc_to_pfn(buf + off), PAGE_SIZE, vma->vm_page_prot);
	return 0;
}

static const struct file_operations seed_fops = {
	.owner = THIS_MODULE,
	.mmap = seed_mmap,
};
