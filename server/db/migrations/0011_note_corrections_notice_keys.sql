CREATE TABLE "session_note_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"revision" smallint NOT NULL,
	"occurred_on" date NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"contact_type" text NOT NULL,
	"life_domains" text[] NOT NULL,
	"goals_moved" text[] NOT NULL,
	"summary" text NOT NULL,
	"next_steps" text NOT NULL,
	"signed_off_by" uuid,
	"signed_off_at" timestamp with time zone,
	"replaced_by" uuid,
	"replaced_at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "returned_by" uuid;--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "return_comment" text;--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "revision" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "message_key" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "message_params" jsonb;--> statement-breakpoint
ALTER TABLE "session_note_revisions" ADD CONSTRAINT "session_note_revisions_note_id_session_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_revisions" ADD CONSTRAINT "session_note_revisions_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_revisions" ADD CONSTRAINT "session_note_revisions_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_note_revisions_unique" ON "session_note_revisions" USING btree ("note_id","revision");--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Notices from before keys: "new message" ones (English or Spanish) become key + alias; the rest keep their stored words.
UPDATE "notifications" SET "message_key" = 'message', "message_params" = jsonb_build_object('alias', substr("title", 18))
WHERE "kind" = 'message' AND "message_key" IS NULL AND ("title" LIKE 'New message from %' OR "title" LIKE 'Nuevo mensaje de %');
