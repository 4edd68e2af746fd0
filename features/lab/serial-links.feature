Feature: WIC serial ports on back-to-back cables, with Cisco HDLC or PPP
  A c2600 takes WAN interface cards in its two WIC slots (`wics: [WIC-2T]` gives Serial0/0 and
  Serial0/1). Two Serial ports on one link are a back-to-back cable whose first end is the DCE:
  its `clock rate` clocks the line. The line protocol is up when the line is clocked and both ends
  speak the same encapsulation (Cisco HDLC by default, or `encapsulation ppp`). Serial lines carry
  no ARP; their captures decode in Wireshark as Cisco HDLC or PPP frame by frame.

  Background:
    Given the lab "examples/serial-hub"

  Scenario: A hub with two spokes brings up both tunnels, over PPP and over Cisco HDLC
    When host "pc1" pings "pc0"
    Then the ping shows ".!!!!"
    When host "pc2" pings "pc0"
    Then the ping shows ".!!!!"
    When host "pc2" pings "pc0"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "hub"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      10.0.1.1        10.0.1.2        QM_IDLE              1    0
      10.0.2.1        10.0.2.2        QM_IDLE              2    0
      """
    # FastEthernet and Serial interleaved by number: unconfirmed for 12.2 (TEXT-SOURCES.md).
    When I run "show ip interface brief" on "hub"
    Then the output matches:
      """
      Interface                  IP-Address      OK? Method Status                Protocol
      FastEthernet0/0            unassigned      YES unset  administratively down down
      Serial0/0                  10.0.1.1        YES NVRAM  up                    up
      FastEthernet0/1            10.0.0.1        YES NVRAM  up                    up
      Serial0/1                  10.0.2.1        YES NVRAM  up                    up
      """
    When I run "show ip route connected" on "hub"
    Then the output contains "C 10.0.1.0/30 is directly connected, Serial0/0"

  # The order of the lines and `clockrate` as one word are unconfirmed for 12.2 (TEXT-SOURCES.md).
  Scenario: The running configuration writes a Serial section (layout unconfirmed for 12.2)
    When I run "show running-config interface Serial0/0" on "hub"
    Then the output matches:
      """
      Building configuration...

      Current configuration : 129 bytes
      !
      interface Serial0/0
       bandwidth 64
       ip address 10.0.1.1 255.255.255.252
       encapsulation ppp
       clockrate 64000
       crypto map vpn
      end
      """

  Scenario: A spoke that changes its encapsulation loses the line protocol at both ends, and gets it back
    When I configure "spoke2" with:
      """
      interface Serial0/0
       encapsulation ppp
      """
    And 5 seconds pass
    Then the debug log of "hub" contains "%LINEPROTO-5-UPDOWN: Line protocol on Interface Serial0/1, changed state to down"
    And the debug log of "spoke2" contains "%LINEPROTO-5-UPDOWN: Line protocol on Interface Serial0/0, changed state to down"
    When I run "show ip interface brief" on "hub"
    Then the output contains "Serial0/1 10.0.2.1 YES NVRAM up down"
    # With its connected route gone, spoke2 cannot reach its default route's next hop.
    When host "pc2" pings "pc0"
    Then the ping shows "U.U.U"
    When I configure "spoke2" with:
      """
      interface Serial0/0
       encapsulation hdlc
      """
    And 5 seconds pass
    And I run "show ip interface brief" on "spoke2"
    Then the output contains "Serial0/0 10.0.2.2 YES NVRAM up up"

  Scenario: Without a clock rate at the DCE end the line protocol goes down
    When I configure "hub" with:
      """
      interface Serial0/0
       no clock rate
      """
    And 5 seconds pass
    And I run "show ip interface brief" on "spoke1"
    Then the output contains "Serial0/0 10.0.1.2 YES NVRAM up down"
    # spoke1's default route points out of Serial0/0: with the line protocol down it is gone, and
    # spoke1 answers with unreachables (one every 500 ms at most).
    When host "pc1" pings "pc0"
    Then the ping shows "U.U.U"

  # The layout of a 2600's WIC serial port under 12.2: TEXT-SOURCES.md, "Interfaces" (the PPP lines
  # `LCP Open` / `Open: IPCP, CDPCP` and `LCP Closed` are unconfirmed for 12.2).
  Scenario: show interfaces on a PPP Serial port: PowerQUICC, weighted fair queueing, LCP and IPCP open
    When host "pc1" pings "pc0"
    And I run "show interfaces Serial0/0" on "hub"
    Then the output matches:
      """
      Serial0/0 is up, line protocol is up
        Hardware is PowerQUICC Serial
        Internet address is 10.0.1.1/30
        MTU 1500 bytes, BW 64 Kbit, DLY 20000 usec,
           reliability 255/255, txload 1/255, rxload 1/255
        Encapsulation PPP, loopback not set
        Keepalive set (10 sec)
        LCP Open
        Open: IPCP, CDPCP
        Last input 00:00:00, output 00:00:00, output hang never
        Last clearing of "show interface" counters never
        Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0
        Queueing strategy: weighted fair
        Output queue: 0/1000/64/0 (size/max total/threshold/drops)
           Conversations  0/1/256 (active/max active/max total)
           Reserved Conversations 0/0 (allocated/max allocated)
           Available Bandwidth 48 kilobits/sec
        5 minute input rate 0 bits/sec, 0 packets/sec
        5 minute output rate 0 bits/sec, 0 packets/sec
           9 packets input, 1332 bytes, 0 no buffer
           Received 0 broadcasts, 0 runts, 0 giants, 0 throttles
           0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort
           8 packets output, 1248 bytes, 0 underruns
           0 output errors, 0 collisions, 1 interface resets
           0 output buffer failures, 0 output buffers swapped out
           0 carrier transitions
           DCD=up  DSR=up  DTR=up  RTS=up  CTS=up
      """
    When I run "show interfaces | include line protocol" on "hub"
    Then the output matches:
      """
      FastEthernet0/0 is administratively down, line protocol is down
      Serial0/0 is up, line protocol is up
      FastEthernet0/1 is up, line protocol is up
      Serial0/1 is up, line protocol is up
      """
    # Without the DCE's clock the status stays up and the line protocol goes down: LCP closes.
    When I configure "hub" with:
      """
      interface Serial0/0
       no clock rate
      """
    And 5 seconds pass
    And I run "show interfaces Serial0/0" on "spoke1"
    Then the output contains "Serial0/0 is up, line protocol is down"
    And the output contains "LCP Closed"
    When I run "show interfaces description" on "spoke1"
    Then the output contains "Se0/0 up down"

  Scenario: Shutting one end down takes the other end down with it
    When I configure "spoke1" with:
      """
      interface Serial0/0
       shutdown
      """
    And 5 seconds pass
    Then the debug log of "hub" contains "%LINK-3-UPDOWN: Interface Serial0/0, changed state to down"
    When I run "show ip interface brief" on "hub"
    Then the output contains "Serial0/0 10.0.1.1 YES NVRAM down down"

  Scenario: A port the router has no WIC for does not exist; Ethernet commands do not apply to a Serial
    # spoke2's only WIC sits in slot W1: its port is still Serial0/0.
    When I try to configure "spoke2" with:
      """
      interface Serial0/1
      """
    Then the configuration fails with:
      """
      spoke2(config)#interface Serial0/1
                               ^
      % Invalid input detected at '^' marker.
      """
    When I try to configure "spoke1" with:
      """
      interface Serial0/0
       duplex full
      """
    Then the configuration fails with:
      """
      spoke1(config-if)#duplex full
                        ^
      % Invalid input detected at '^' marker.
      """
