/*
 * A trivial Candor protocol model for benchmarks: it answers every request with one fixed answer, copying only
 * the request's id, so that a benchmark measures Candor's side of the protocol and not a model.
 *
 *   echo-model                         answers hello, then each request at once (all answers to one read are
 *                                      written together, as a fast batching model would)
 *   echo-model --raw                   no protocol: answers every line with the line "ok" (the raw baseline)
 *   echo-model --delay-ms D --threads T
 *                                      a slow model: T threads each take a request, sleep D ms, then answer it,
 *                                      so at most T requests are served at once
 *
 * Lines are split on '\n' only. Only the standard C library and POSIX threads are used.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char hello[] =
    "{\"candor\":1,\"op\":\"hello\",\"name\":\"c-echo\",\"version\":\"1.0\","
    "\"capabilities\":[\"probabilities\",\"highlights\",\"text\"]}\n";
static const char answer_head[] = "{\"id\":\"";
static const char answer_tail[] =
    "\",\"label\":\"positive\",\"probabilities\":{\"negative\":0.25,\"positive\":0.75},"
    "\"explanation\":{\"text\":\"It is a joy.\",\"highlights\":[{\"field\":\"review\",\"tokens\":[0,1]}]}}\n";

static char *out;
static size_t out_len, out_cap;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static void append(const char *bytes, size_t count) {
    if (out_len + count > out_cap) {
        out_cap = (out_len + count) * 2;
        out = realloc(out, out_cap);
        if (!out) exit(2);
    }
    memcpy(out + out_len, bytes, count);
    out_len += count;
}

static void flush_out(void) {
    size_t done = 0;
    while (done < out_len) {
        ssize_t n = write(1, out + done, out_len - done);
        if (n <= 0) exit(0);
        done += (size_t)n;
    }
    out_len = 0;
}

/* Appends the answer to one request line: the request's "id" value copied, the rest fixed. */
static void answer(const char *line, size_t length, int raw) {
    if (raw) {
        append("ok\n", 3);
        return;
    }
    if (memmem(line, length, "\"op\":\"hello\"", 12)) {
        append(hello, sizeof hello - 1);
        return;
    }
    const char *key = memmem(line, length, "\"id\":\"", 6);
    if (!key) return;
    const char *start = key + 6;
    const char *end = memchr(start, '"', (size_t)(line + length - start));
    if (!end) return;
    append(answer_head, sizeof answer_head - 1);
    append(start, (size_t)(end - start));
    append(answer_tail, sizeof answer_tail - 1);
}

/* The slow model: a queue of request lines served by worker threads. */
struct job { char *line; size_t length; struct job *next; };
static struct job *head, *tail;
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static int delay_ms, finished;

static void *serve_slowly(void *unused) {
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&queue_lock);
        while (!head && !finished) pthread_cond_wait(&queue_ready, &queue_lock);
        struct job *job = head;
        if (job) { head = job->next; if (!head) tail = NULL; }
        pthread_mutex_unlock(&queue_lock);
        if (!job) return NULL;
        struct timespec pause = {delay_ms / 1000, (long)(delay_ms % 1000) * 1000000L};
        nanosleep(&pause, NULL);
        pthread_mutex_lock(&out_lock);
        answer(job->line, job->length, 0);
        flush_out();
        pthread_mutex_unlock(&out_lock);
        free(job->line);
        free(job);
    }
}

static void enqueue(const char *line, size_t length) {
    struct job *job = malloc(sizeof *job);
    job->line = malloc(length);
    memcpy(job->line, line, length);
    job->length = length;
    job->next = NULL;
    pthread_mutex_lock(&queue_lock);
    if (tail) tail->next = job; else head = job;
    tail = job;
    pthread_cond_signal(&queue_ready);
    pthread_mutex_unlock(&queue_lock);
}

int main(int argc, char **argv) {
    int raw = 0, threads = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--raw")) raw = 1;
        else if (!strcmp(argv[i], "--delay-ms") && i + 1 < argc) delay_ms = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
    }
    pthread_t workers[256];
    if (threads > 256) threads = 256;
    for (int i = 0; i < threads; i++) pthread_create(&workers[i], NULL, serve_slowly, NULL);

    size_t cap = 1 << 16, held = 0;
    char *buffer = malloc(cap);
    int greeted = 0;
    for (;;) {
        if (held == cap) { cap *= 2; buffer = realloc(buffer, cap); }
        ssize_t n = read(0, buffer + held, cap - held);
        if (n <= 0) break;
        held += (size_t)n;
        size_t start = 0;
        char *newline;
        pthread_mutex_lock(&out_lock);
        while ((newline = memchr(buffer + start, '\n', held - start))) {
            size_t length = (size_t)(newline - (buffer + start));
            if (threads > 0 && greeted) enqueue(buffer + start, length);
            else answer(buffer + start, length, raw);
            greeted = 1;
            start += length + 1;
        }
        flush_out();
        pthread_mutex_unlock(&out_lock);
        memmove(buffer, buffer + start, held - start);
        held -= start;
    }
    pthread_mutex_lock(&queue_lock);
    finished = 1;
    pthread_cond_broadcast(&queue_ready);
    pthread_mutex_unlock(&queue_lock);
    for (int i = 0; i < threads; i++) pthread_join(workers[i], NULL);
    return 0;
}
