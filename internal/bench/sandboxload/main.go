// Command sandboxload measures the sandbox as a user of the built binary
// sees it: `onboard sandbox serve` and Stripe's stripe-mock, each started
// as its own process on loopback, are loaded in turn with the same
// requests — C keep-alive connections, each sending GET
// /v1/accounts/{id} one after another for D, on an account created with
// type=custom — and it prints each server's request rate and latency
// percentiles, and their ratio. Rounds alternate the two servers (the
// order swapped every round), so that both see about the same machine;
// the ratio is taken round by round and its median quoted.
//
// `make bench-sandbox` builds both binaries and runs it. The client is a
// lean HTTP/1.1 one (a request written from prepared bytes, the
// response's headers and body read and counted), so that the load
// generator's own cost, which shares the machine with the server, stays
// small next to the servers'; -client http uses Go's net/http client
// instead, as stripe-go would.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var o options
	flag.StringVar(&o.onboard, "onboard", "bin/onboard", "the onboard binary (serves `onboard sandbox serve`)")
	flag.StringVar(&o.mock, "stripe-mock", "bin/stripe-mock", "the stripe-mock binary")
	flag.IntVar(&o.clients, "clients", 8, "concurrent keep-alive connections")
	flag.DurationVar(&o.duration, "duration", 4*time.Second, "how long each server is loaded per round")
	flag.DurationVar(&o.warmup, "warmup", 500*time.Millisecond, "load before the counted part of each run")
	flag.IntVar(&o.rounds, "rounds", 3, "rounds (one run of each server per round)")
	flag.StringVar(&o.client, "client", "raw", "raw (a lean HTTP/1.1 client) or http (Go's net/http)")
	flag.StringVar(&o.url, "url", "", "load only this server, already running (to profile it), once per round")
	flag.Parse()
	if o.client != "raw" && o.client != "http" {
		fmt.Fprintln(os.Stderr, "sandboxload: -client takes raw or http")
		os.Exit(2)
	}
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sandboxload:", err)
		os.Exit(1)
	}
}

type options struct {
	onboard, mock    string
	clients, rounds  int
	duration, warmup time.Duration
	client           string
	url              string
}

// result is one run of one server.
type result struct {
	rate     float64 // requests per second
	p50, p99 time.Duration
	n        int
}

func (r result) String() string {
	return fmt.Sprintf("%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms", r.rate, ms(r.p50), ms(r.p99))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func run(o options, out io.Writer) error {
	if o.url != "" {
		running := func() (string, func(), error) { return o.url, func() {}, nil }
		for round := range o.rounds {
			r, err := measure(running, o)
			if err != nil {
				return err
			}
			_, _ = fmt.Fprintf(out, "round %d  %s %s\n", round+1, o.url, r)
		}
		return nil
	}
	servers := []server{sandboxServer(o.onboard), mockServer(o.mock)}
	names := []string{"sandbox", "stripe-mock"}
	runs := make([][]result, len(servers))
	var ratios []float64
	_, _ = fmt.Fprintf(out, "GET /v1/accounts/{id}, %d keep-alive connections, %s per run, %s client\n", o.clients, o.duration, o.client)
	for round := range o.rounds {
		got := make([]result, len(servers))
		order := []int{0, 1}
		if round%2 == 1 {
			order = []int{1, 0}
		}
		for _, i := range order {
			r, err := measure(servers[i], o)
			if err != nil {
				return fmt.Errorf("%s: %w", names[i], err)
			}
			got[i] = r
			runs[i] = append(runs[i], r)
		}
		ratio := got[0].rate / got[1].rate
		ratios = append(ratios, ratio)
		_, _ = fmt.Fprintf(out, "round %d  sandbox %s | stripe-mock %s | ratio %.2f\n", round+1, got[0], got[1], ratio)
	}
	_, _ = fmt.Fprintf(out, "median of %d rounds (min–max):\n", o.rounds)
	for i, name := range names {
		rs := runs[i]
		rate := stats(rs, func(r result) float64 { return r.rate })
		p50 := stats(rs, func(r result) float64 { return ms(r.p50) })
		p99 := stats(rs, func(r result) float64 { return ms(r.p99) })
		_, _ = fmt.Fprintf(out, "  %-11s %8.0f req/s (%.0f–%.0f)  p50 %.2f ms (%.2f–%.2f)  p99 %.2f ms (%.2f–%.2f)\n",
			name, rate[1], rate[0], rate[2], p50[1], p50[0], p50[2], p99[1], p99[0], p99[2])
	}
	r := median3(ratios)
	_, _ = fmt.Fprintf(out, "  ratio       %.2f (%.2f–%.2f)\n", r[1], r[0], r[2])
	return nil
}

// stats is the minimum, median and maximum of f over rs.
func stats(rs []result, f func(result) float64) [3]float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	return median3(v)
}

func median3(v []float64) [3]float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return [3]float64{s[0], s[len(s)/2], s[len(s)-1]}
}

// server starts one server process and returns its base URL and a way
// to stop it.
type server func() (base string, stop func(), err error)

// sandboxServer runs `onboard sandbox serve` on a free loopback port, on
// a database of its own (XDG directories in a temporary directory).
func sandboxServer(bin string) server {
	return func() (string, func(), error) {
		dir, err := os.MkdirTemp("", "sandboxload-")
		if err != nil {
			return "", nil, err
		}
		cmd := exec.Command(bin, "sandbox", "serve", "--addr", "127.0.0.1:0")
		cmd.Env = append(os.Environ(), "STRIPE_API_KEY=", "HOME="+dir,
			"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_DATA_HOME="+filepath.Join(dir, "data"),
			"XDG_STATE_HOME="+filepath.Join(dir, "state"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
		base, stop, err := start(cmd, func(line string) (string, bool) {
			// "sandbox listening on http://127.0.0.1:PORT (use --api-base …)"
			_, rest, ok := strings.Cut(line, "http://")
			if !ok {
				return "", false
			}
			addr, _, _ := strings.Cut(rest, " ")
			return "http://" + addr, true
		})
		return base, func() {
			if stop != nil {
				stop()
			}
			_ = os.RemoveAll(dir)
		}, err
	}
}

// mockServer runs stripe-mock on a free loopback port.
func mockServer(bin string) server {
	return func() (string, func(), error) {
		cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
		return start(cmd, func(line string) (string, bool) {
			a, ok := strings.CutPrefix(line, "Listening for HTTP at address: ")
			return "http://" + a, ok
		})
	}
}

// start runs cmd and waits for the line of its output that names its
// address.
func start(cmd *exec.Cmd, addr func(string) (string, bool)) (string, func(), error) {
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			if a, ok := addr(sc.Text()); ok {
				select {
				case found <- a:
				default:
				}
			}
		}
	}()
	select {
	case a := <-found:
		return a, stop, nil
	case <-time.After(30 * time.Second):
		stop()
		return "", nil, fmt.Errorf("%s did not say where it listens within 30 s", cmd.Path)
	}
}

const key = "sk_test_sandboxload"

// measure starts the server, creates the account and loads it.
func measure(srv server, o options) (result, error) {
	base, stop, err := srv()
	if err != nil {
		return result{}, err
	}
	defer stop()
	id, err := createAccount(base)
	if err != nil {
		return result{}, err
	}
	u, err := url.Parse(base)
	if err != nil {
		return result{}, err
	}
	path := "/v1/accounts/" + id
	newWorker := rawWorker
	if o.client == "http" {
		newWorker = httpWorker
	}
	var (
		counting atomic.Bool
		stopped  atomic.Bool
		wg       sync.WaitGroup
		mu       sync.Mutex
		lat      []time.Duration
		firstErr error
	)
	for range o.clients {
		do, closeConn, err := newWorker(u.Host, path)
		if err != nil {
			return result{}, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer closeConn()
			mine := make([]time.Duration, 0, 1<<16)
			for !stopped.Load() {
				t0 := time.Now()
				err := do()
				d := time.Since(t0)
				if err != nil {
					mu.Lock()
					firstErr = cmpErr(firstErr, err)
					mu.Unlock()
					return
				}
				if counting.Load() {
					mine = append(mine, d)
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	time.Sleep(o.warmup)
	counting.Store(true)
	t0 := time.Now()
	time.Sleep(o.duration)
	counting.Store(false)
	elapsed := time.Since(t0)
	stopped.Store(true)
	wg.Wait()
	if firstErr != nil {
		return result{}, firstErr
	}
	if len(lat) == 0 {
		return result{}, errors.New("no request completed")
	}
	slices.Sort(lat)
	return result{
		rate: float64(len(lat)) / elapsed.Seconds(),
		p50:  lat[len(lat)*50/100],
		p99:  lat[len(lat)*99/100],
		n:    len(lat),
	}, nil
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// createAccount creates the custom account the run reads.
func createAccount(base string) (string, error) {
	form := url.Values{"type": {"custom"}, "country": {"US"},
		"capabilities[card_payments][requested]": {"true"}, "capabilities[transfers][requested]": {"true"}}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, base+"/v1/accounts", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer func() { _ = resp.Body.Close() }()
	var a struct {
		ID string `json:"id"`
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("create account: %s: %s", resp.Status, body)
	}
	if err := json.Unmarshal(body, &a); err != nil || a.ID == "" {
		return "", fmt.Errorf("create account: no id in %.200s", body)
	}
	return a.ID, nil
}

// httpWorker is one keep-alive connection through Go's net/http client.
func httpWorker(host, path string) (func() error, func(), error) {
	tr := &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}
	c := &http.Client{Transport: tr}
	req, err := http.NewRequest(http.MethodGet, "http://"+host+path, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	return func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("GET %s: %s", path, resp.Status)
		}
		return err
	}, tr.CloseIdleConnections, nil
}

// rawWorker is one keep-alive connection that writes the request from
// prepared bytes and reads the response's status, headers and body
// (Content-Length or chunked), without building objects for them.
func rawWorker(host, path string) (func() error, func(), error) {
	conn, err := net.Dial("tcp", host)
	if err != nil {
		return nil, nil, err
	}
	req := []byte("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + key +
		"\r\nUser-Agent: sandboxload\r\nAccept: */*\r\n\r\n")
	br := bufio.NewReaderSize(conn, 64<<10)
	return func() error {
		if _, err := conn.Write(req); err != nil {
			return err
		}
		return readResponse(br)
	}, func() { _ = conn.Close() }, nil
}

// readResponse reads one HTTP/1.1 response and discards its body; a
// status other than 200 is an error.
func readResponse(br *bufio.Reader) error {
	line, err := br.ReadSlice('\n')
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(line, []byte("HTTP/1.1 200 ")) {
		return fmt.Errorf("response %q", bytes.TrimSpace(line))
	}
	length, chunked := -1, false
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		name, value, _ := bytes.Cut(line, []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil {
				return fmt.Errorf("Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		}
	}
	if !chunked {
		if length < 0 {
			return errors.New("a response with neither Content-Length nor chunked encoding")
		}
		_, err := br.Discard(length)
		return err
	}
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		size, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.SplitN(line, []byte(";"), 2)[0])), 16, 64)
		if err != nil {
			return fmt.Errorf("chunk size %q", line)
		}
		if size == 0 {
			// Trailers (none expected), then the blank line.
			for {
				line, err := br.ReadSlice('\n')
				if err != nil {
					return err
				}
				if len(line) <= 2 {
					return nil
				}
			}
		}
		if _, err := br.Discard(int(size) + 2); err != nil {
			return err
		}
	}
}
