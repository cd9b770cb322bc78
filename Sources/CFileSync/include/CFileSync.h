#ifndef DELIVERYSIM_CFILESYNC_H
#define DELIVERYSIM_CFILESYNC_H

/// Starts writing `fd`'s dirty pages to disk and returns at once (Linux' sync_file_range with
/// SYNC_FILE_RANGE_WRITE): a later fsync(2) then waits for less. Returns 0, or -1 with errno
/// set; where the call does not exist it does nothing and returns 0 (fsync still flushes).
int cfilesync_start_writeback(int fd);

#endif
