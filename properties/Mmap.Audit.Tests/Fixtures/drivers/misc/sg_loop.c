// A loop over an sg table: one remap per entry, errors returned, no guard.
static int sg_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct scatterlist *sg;
	unsigned long addr = vma->vm_start;
	int i, ret;

	for_each_sg(table->sgl, sg, table->nents, i) {
		ret = remap_pfn_range(vma, addr, page_to_pfn(sg_page(sg)), sg->length, vma->vm_page_prot);
		if (ret)
			return ret;
		addr += sg->length;
	}
	return 0;
}

static const struct file_operations sg_fops = {
	.mmap = sg_mmap,
};
