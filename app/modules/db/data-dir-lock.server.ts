// Guards the embedded PGlite folder: PGlite is single-process, and a second process writing to the same folder
// corrupts it. The lock file records the owner's pid (like PostgreSQL's postmaster.pid); a lock left behind by a
// process that no longer exists is taken over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DatabaseInUseError extends Error {
  constructor(
    public readonly folder: string,
    public readonly pid: number,
  ) {
    super(
      `The embedded database in ${folder} is in use by process ${pid} (${os.hostname()}). ` +
        `Stop that process first, or point DATA_DIR at another folder. ` +
        `(数据库正被进程 ${pid} 使用：请先停止该进程，或为 DATA_DIR 指定其他目录。)`,
    );
    this.name = "DatabaseInUseError";
  }
}

const heldByThisProcess = new Set<string>();

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = path.join(folder, "duijie.pid");
  if (heldByThisProcess.has(lockPath)) throw new DatabaseInUseError(folder, process.pid);
  const tmpPath = `${lockPath}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(tmpPath, `${process.pid}\n${os.hostname()}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(tmpPath, lockPath); // atomic: fails if the lock exists
        heldByThisProcess.add(lockPath);
        return () => {
          heldByThisProcess.delete(lockPath);
          try {
            if (readOwner(lockPath) === process.pid) fs.unlinkSync(lockPath);
          } catch {
            // already gone
          }
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const owner = readOwner(lockPath);
        if (owner !== null && owner !== process.pid && isAlive(owner)) {
          throw new DatabaseInUseError(folder, owner);
        }
        fs.rmSync(lockPath, { force: true }); // stale: its process is gone
      }
    }
    throw new Error(`Could not lock ${folder}`);
  } finally {
    fs.rmSync(tmpPath, { force: true });
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").split("\n")[0] ?? "", 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}
