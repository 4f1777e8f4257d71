// fb_mmap remapping the buffer's size regardless of the VMA: outside the model's strategies.
static int xfb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, info->fix.smem_start >> PAGE_SHIFT, info->fix.smem_len, vma->vm_page_prot);
}

static const struct fb_ops xfb_ops = {
	.fb_mmap = xfb_mmap,
};

// Delegates through a function pointer: cannot be followed.
static int indirect_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct xdev *dev = file->private_data;

	return dev->ops->mmap(dev, vma);
}

static const struct file_operations indirect_fops = {
	.mmap = indirect_mmap,
};
