// Fix 3 of the question: per-page remap after clearing VM_MAYWRITE; a page-array map honouring vm_pgoff.
static int mw_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long off;
	int ret;

	if (size > BUF_SIZE)
		return -EINVAL;
	vm_flags_clear(vma, VM_MAYWRITE);
	for (off = 0; off < size; off += PAGE_SIZE) {
		ret = remap_pfn_range(vma, vma->vm_start + off, vmalloc_to_pfn(buf + off), PAGE_SIZE, vma->vm_page_prot);
		if (ret)
			return ret;
	}
	return 0;
}

static int pages_mmap(struct file *filp, struct vm_area_struct *vma)
{
	return vm_map_pages(vma, pages, npages);
}

static const struct file_operations mw_fops = {
	.mmap = mw_mmap,
};

static const struct file_operations pages_fops = {
	.mmap = pages_mmap,
};
