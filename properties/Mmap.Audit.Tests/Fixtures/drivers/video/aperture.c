// An aperture table (the shape of atyfb_mmap and sbusfb_mmap_helper): one remap per region of device memory, each
// starting at vm_start + page with its length clamped to the rest of the VMA, so the pieces tile the VMA and a VMA
// inside one region is one remap of the whole VMA. No CoW guard: MAP_PRIVATE works.
struct region {
	unsigned long voff, poff, size;
};

static int apfb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	struct region *map = info->par;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long page, map_size, map_offset = 0;
	int i;

	if (off + size > info->fix.smem_len)
		return -EINVAL;

	for (page = 0; page < size;) {
		map_size = 0;
		for (i = 0; map[i].size; i++) {
			if (map[i].voff <= off + page && off + page < map[i].voff + map[i].size) {
				map_size = map[i].size - (off + page - map[i].voff);
				map_offset = map[i].poff + (off + page - map[i].voff);
				break;
			}
		}
		if (!map_size)
			return -EINVAL;
		if (page + map_size > size)
			map_size = size - page;
		if (remap_pfn_range(vma, vma->vm_start + page, map_offset >> PAGE_SHIFT, map_size, vma->vm_page_prot))
			return -EAGAIN;
		page += map_size;
	}
	return 0;
}

static const struct fb_ops apfb_ops = {
	.fb_mmap = apfb_mmap,
};

// The same clamp over a scatter-gather table: the pieces are scattered pages, so MAP_PRIVATE of two entries fails
// (qaic_gem_object_mmap's shape): still read as per page.
static int sgclamp_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct scatterlist *sg;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long off = 0, len;
	int i, ret;

	for_each_sg(table->sgl, sg, table->nents, i) {
		len = min(sg->length, size - off);
		ret = remap_pfn_range(vma, vma->vm_start + off, page_to_pfn(sg_page(sg)), len, vma->vm_page_prot);
		if (ret)
			return ret;
		off += len;
	}
	return 0;
}

static const struct file_operations sgclamp_fops = {
	.mmap = sgclamp_mmap,
};
