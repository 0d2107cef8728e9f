CREATE TABLE "buddy_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"occurs_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"buddy_id" uuid,
	"conversation_id" uuid,
	"matched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buddy_requests_status" CHECK ("buddy_requests"."status" IN ('open', 'matched', 'cancelled', 'expired')),
	CONSTRAINT "buddy_requests_matched" CHECK (("buddy_requests"."status" = 'matched') = ("buddy_requests"."buddy_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "buddy_volunteers" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_rsvps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"reminded_24h_at" timestamp with time zone,
	"reminded_1h_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rsvps_status" CHECK ("event_rsvps"."status" IN ('going', 'waitlisted', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"location" text,
	"address" text,
	"conference_url" text,
	"capacity" integer,
	"going" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancellation_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind" CHECK ("events"."kind" IN ('social', 'workshop')),
	CONSTRAINT "events_status" CHECK ("events"."status" IN ('scheduled', 'cancelled')),
	CONSTRAINT "events_times" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity" CHECK ("events"."capacity" IS NULL OR "events"."capacity" > 0),
	CONSTRAINT "events_going_within_capacity" CHECK ("events"."going" >= 0 AND ("events"."capacity" IS NULL OR "events"."going" <= "events"."capacity"))
);
--> statement-breakpoint
CREATE TABLE "meeting_guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"title" text NOT NULL,
	"fellowship" text,
	"type_code" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_guides_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "calendar_subscriptions" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_subscriptions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"meeting_id" uuid,
	"meeting_name" text NOT NULL,
	"attended_on" date NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance_codes" (
	"meeting_id" uuid NOT NULL,
	"valid_on" date NOT NULL,
	"code_hash" text NOT NULL,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_codes_meeting_id_valid_on_pk" PRIMARY KEY("meeting_id","valid_on")
);
--> statement-breakpoint
CREATE TABLE "meeting_directory_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_directory_version_single" CHECK ("meeting_directory_version"."id")
);
--> statement-breakpoint
CREATE TABLE "meeting_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_by" uuid,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"preview" jsonb,
	"normalized" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "meeting_imports_status" CHECK ("meeting_imports"."status" IN ('checking', 'ready', 'committing', 'done', 'failed', 'discarded'))
);
--> statement-breakpoint
CREATE TABLE "meeting_secretaries" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_secretaries_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "saved_meetings" (
	"person_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_meetings_person_id_meeting_id_pk" PRIMARY KEY("person_id","meeting_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD COLUMN "fellowship" text;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "fellowship" text;--> statement-breakpoint
ALTER TABLE "buddy_requests" ADD CONSTRAINT "buddy_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_requests" ADD CONSTRAINT "buddy_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_requests" ADD CONSTRAINT "buddy_requests_buddy_id_users_id_fk" FOREIGN KEY ("buddy_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_requests" ADD CONSTRAINT "buddy_requests_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_volunteers" ADD CONSTRAINT "buddy_volunteers_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance_codes" ADD CONSTRAINT "meeting_attendance_codes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance_codes" ADD CONSTRAINT "meeting_attendance_codes_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_imports" ADD CONSTRAINT "meeting_imports_source_id_meeting_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."meeting_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_imports" ADD CONSTRAINT "meeting_imports_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_secretaries" ADD CONSTRAINT "meeting_secretaries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_secretaries" ADD CONSTRAINT "meeting_secretaries_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_meetings" ADD CONSTRAINT "saved_meetings_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_meetings" ADD CONSTRAINT "saved_meetings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buddy_requests_open_idx" ON "buddy_requests" USING btree ("status","occurs_at");--> statement-breakpoint
CREATE INDEX "buddy_requests_requester_idx" ON "buddy_requests" USING btree ("requester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_requests_one_open" ON "buddy_requests" USING btree ("requester_id","meeting_id","occurs_at") WHERE "buddy_requests"."status" IN ('open', 'matched');--> statement-breakpoint
CREATE UNIQUE INDEX "event_rsvps_event_person_key" ON "event_rsvps" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE INDEX "event_rsvps_waitlist_idx" ON "event_rsvps" USING btree ("event_id","status","waitlisted_at");--> statement-breakpoint
CREATE INDEX "event_rsvps_person_idx" ON "event_rsvps" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "events_starts_at_idx" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meeting_guides_match_idx" ON "meeting_guides" USING btree ("fellowship","type_code");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_once_a_day" ON "meeting_attendance" USING btree ("person_id","meeting_id","attended_on");--> statement-breakpoint
CREATE INDEX "meeting_attendance_person_day_idx" ON "meeting_attendance" USING btree ("person_id","attended_on");--> statement-breakpoint
CREATE INDEX "meeting_imports_source_idx" ON "meeting_imports" USING btree ("source_id","created_at");--> statement-breakpoint
CREATE INDEX "saved_meetings_meeting_idx" ON "saved_meetings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_fellowship_idx" ON "meetings" USING btree ("fellowship");--> statement-breakpoint
-- The finder keeps the directory in memory (server/features/meetings/directory.ts) and reloads it when
-- this number moves: every statement that changes meetings raises it, whoever runs it.
INSERT INTO "meeting_directory_version" ("id", "version") VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION kinship_bump_meeting_directory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meeting_directory_version SET version = version + 1 WHERE id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_bump_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION kinship_bump_meeting_directory();
