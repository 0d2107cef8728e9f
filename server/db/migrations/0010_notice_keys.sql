ALTER TABLE "notifications" ADD COLUMN "message_key" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "message_params" jsonb;--> statement-breakpoint
-- Notices from before keys: "new message" ones (English or Spanish) become key + alias; the rest keep their stored words.
UPDATE "notifications" SET "message_key" = 'message', "message_params" = jsonb_build_object('alias', substr("title", 18))
WHERE "kind" = 'message' AND "message_key" IS NULL AND ("title" LIKE 'New message from %' OR "title" LIKE 'Nuevo mensaje de %');
