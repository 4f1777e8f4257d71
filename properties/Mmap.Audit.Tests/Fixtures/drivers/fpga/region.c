// The helper of afu.c: finds the region that holds [offset, offset + size), -EINVAL when none does.
int region_get_by_offset(struct pdata *pdata, u64 offset, u64 size, struct region *pregion)
{
	struct region *region;
	int ret = 0;

	for_each_region(region, pdata)
		if (region->offset <= offset && region->offset + region->size >= offset + size) {
			*pregion = *region;
			goto exit;
		}
	ret = -EINVAL;
exit:
	return ret;
}
