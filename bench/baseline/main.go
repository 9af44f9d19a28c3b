// Command baseline serves the seed's POST /v1/report exactly as the seed article wrote it, with Gin
// (gin.New() + Recovery, the anchor's configuration) or with plain net/http + encoding/json. make bench runs it
// side by side with project-api.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

// PatientReport is the seed's request.
type PatientReport struct {
	PatientID string `json:"patientId" binding:"required"`
	Score     int    `json:"score" binding:"required,gte=0,lte=100"`
	Notes     string `json:"notes"`
}

func ginHandler(c *gin.Context) {
	var report PatientReport
	if err := c.ShouldBindJSON(&report); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "processed", "reportId": report.PatientID, "processedNotes": "Validated: " + report.Notes})
}

func stdHandler(w http.ResponseWriter, r *http.Request) {
	var report PatientReport
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&report); err != nil {
		http.Error(w, `{"error":"malformed JSON"}`, http.StatusBadRequest)
		return
	}
	if report.PatientID == "" || report.Score < 0 || report.Score > 100 {
		http.Error(w, `{"error":"patientId is required and score must be 0..100"}`, http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"status": "processed", "reportId": report.PatientID,
		"processedNotes": "Validated: " + report.Notes})
}

func main() {
	impl := flag.String("impl", "gin", "gin or nethttp")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	var h http.Handler
	switch *impl {
	case "gin":
		gin.SetMode(gin.ReleaseMode)
		g := gin.New()
		g.Use(gin.Recovery())
		g.POST("/v1/report", ginHandler)
		h = g
	case "nethttp":
		mux := http.NewServeMux()
		mux.HandleFunc("POST /v1/report", stdHandler)
		h = mux
	default:
		log.Fatalf("unknown -impl %q", *impl)
	}
	log.Fatal(http.ListenAndServe(*addr, h))
}
