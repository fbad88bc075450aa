import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table invoices drop constraint if exists invoices_kind_check`.execute(db)
  await sql`alter table invoices add constraint invoices_kind_check check (kind in ('joining', 'renewal', 'upgrade'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table invoices drop constraint if exists invoices_kind_check`.execute(db)
  await sql`alter table invoices add constraint invoices_kind_check check (kind in ('joining', 'renewal'))`.execute(db)
}
