// Lab exercise 2's vmmap: per-page remap with PAGE_SHARED, private mappings refused.
static int vmmap_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long off;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (size > BUF_SIZE)
		return -EINVAL;
	for (off = 0; off < size; off += PAGE_SIZE) {
		ret = remap_pfn_range(vma, vma->vm_start + off, vmalloc_to_pfn(buf + off), PAGE_SIZE, PAGE_SHARED);
		if (ret < 0)
			return ret;
	}
	return 0;
}

static const struct file_operations vmmap_fops = {
	.mmap = vmmap_mmap,
};
