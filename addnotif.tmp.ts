import { openDatabase, prisma, closeDatabase } from "#app/db.server.ts";
await openDatabase();
const admin = await prisma.user.findFirstOrThrow({ where: { email: "admin@duijie.demo" } });
const cols = Object.keys((prisma as any).notification.fields ?? {});
console.log(cols);
await closeDatabase();
