// The length is checked by a helper without a VMA parameter, defined in another file of the same directory
// (dfl-afu-main.c afu_mmap → dfl-afu-region.c afu_mmio_region_get_by_offset): the helper pass extracts region.c.
static int region_mmap(struct file *filp, struct vm_area_struct *vma)
{
	u64 size = vma->vm_end - vma->vm_start;
	u64 offset = vma->vm_pgoff << PAGE_SHIFT;
	struct region region;
	int ret;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	ret = region_get_by_offset(filp->private_data, offset, size, &region);
	if (ret)
		return ret;

	return remap_pfn_range(vma, vma->vm_start, (region.phys + (offset - region.offset)) >> PAGE_SHIFT, size, vma->vm_page_prot);
}

static const struct file_operations region_fops = {
	.mmap = region_mmap,
};
