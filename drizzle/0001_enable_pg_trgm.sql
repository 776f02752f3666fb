-- Custom SQL migration file, put your code below! ---- Trigram matching makes the question bank search tolerate typos ("kubernets", "idempotncy").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
