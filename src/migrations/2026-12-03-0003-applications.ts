import { type Kysely, sql } from 'kysely'

const id = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`)
const parent = (c: any) => c.notNull().references('applications.id').onDelete('cascade')
const now = (c: any) => c.notNull().defaultTo(sql`now()`)

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('expertise_areas')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('clinical', 'boolean', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', id)
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('new').check(sql`kind in ('new', 'upgrade')`))
    .addColumn('grade', 'text', (c) => c.notNull().references('grades.code'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'submitted', 'changes_requested', 'approved', 'rejected')`),
    )
    .addColumn('address_line1', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address_line2', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('United Kingdom'))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expertise', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('regions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('insurance_provider', 'text')
    .addColumn('insurance_renewal', 'date')
    .addColumn('insurance_confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('check_type', 'text')
    .addColumn('check_level', 'text')
    .addColumn('check_number', 'text')
    .addColumn('check_issued', 'date')
    .addColumn('check_update_service', 'boolean')
    .addColumn('declared_true', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('consented_data_use', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('marketing_opt_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('marketing_opt_in_at', 'timestamptz')
    .addColumn('marketing_wording', 'text')
    .addColumn('completed_steps', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('changes_requested', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_grade', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute()
  await sql`create unique index applications_one_open_per_user on applications (user_id) where status not in ('approved', 'rejected')`.execute(db)
  await db.schema.createIndex('applications_status_idx').on('applications').columns(['status', 'submitted_at']).execute()

  await db.schema
    .createTable('application_qualifications')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', parent)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('awarding_body', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('clinical', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('application_registrations')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', parent)
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('profession', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verified_register', 'text')
    .addColumn('verified_status', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('application_associations')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', parent)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('application_work')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', parent)
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('cm_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cm_hours', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('application_referees')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', parent)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('professional', 'personal')`))
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('invited_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('replaced_at', 'timestamptz')
    .addColumn('response', 'jsonb')
    .addColumn('responded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('application_files')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', parent)
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('application_id', 'uuid', parent)
    .addColumn('at', 'timestamptz', now)
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'uuid', id)
    .addColumn('user_id', 'uuid', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('grade', 'text', (c) => c.notNull().references('grades.code'))
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('approved_at', 'timestamptz', now)
    .execute()
  await sql`create sequence membership_number_seq start 123`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop sequence if exists membership_number_seq`.execute(db)
  for (const table of [
    'memberships',
    'application_events',
    'application_files',
    'application_referees',
    'application_work',
    'application_associations',
    'application_registrations',
    'application_qualifications',
    'applications',
    'expertise_areas',
  ])
    await db.schema.dropTable(table).ifExists().execute()
}
